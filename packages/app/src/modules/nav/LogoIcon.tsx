import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 28 },
  ramp: { fill: '#7df3e1' },
});

/** The Onramp mark shown when the sidebar is collapsed. */
export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 32 32"
      role="img"
      aria-label="Onramp"
    >
      <path className={classes.ramp} d="M2 30 L30 2 L30 30 Z" />
    </svg>
  );
};

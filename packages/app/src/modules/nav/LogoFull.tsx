import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 30 },
  ramp: { fill: '#7df3e1' },
  text: {
    fill: '#ffffff',
    fontFamily: 'Helvetica Neue, Helvetica, Arial, sans-serif',
    fontWeight: 700,
    fontSize: 30,
    letterSpacing: '0.5px',
  },
});

/** The Onramp word mark: a rising ramp and the name. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 170 36"
      role="img"
      aria-label="Onramp"
    >
      <path className={classes.ramp} d="M2 32 L30 4 L30 32 Z" />
      <text className={classes.text} x="38" y="29">
        Onramp
      </text>
    </svg>
  );
};

import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto' },
  ramp: { fill: '#7df3e1' },
  text: {
    fill: '#ffffff',
    fontFamily: 'Helvetica Neue, Helvetica, Arial, sans-serif',
    fontWeight: 700,
    fontSize: 30,
    letterSpacing: '0.5px',
  },
});

/** A rising ramp, with the name beside it when `named`. */
const OnrampMark = (props: {
  height: number;
  viewBox: string;
  ramp: string;
  named?: boolean;
}) => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      style={{ height: props.height }}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={props.viewBox}
      role="img"
      aria-label="Onramp"
    >
      <path className={classes.ramp} d={props.ramp} />
      {props.named && (
        <text className={classes.text} x="38" y="29">
          Onramp
        </text>
      )}
    </svg>
  );
};

/** The Onramp word mark: a rising ramp and the name. */
export const LogoFull = () => (
  <OnrampMark
    height={30}
    viewBox="0 0 170 36"
    ramp="M2 32 L30 4 L30 32 Z"
    named
  />
);

/** The Onramp mark shown when the sidebar is collapsed. */
export const LogoIcon = () => (
  <OnrampMark height={28} viewBox="0 0 32 32" ramp="M2 30 L30 2 L30 30 Z" />
);

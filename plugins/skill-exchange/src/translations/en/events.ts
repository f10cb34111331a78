/** The events area's words (English, the default). */
export const events = {
  // filled by the events translation work
};

/** The profiles area's words (English, the default). */
export const profiles = {
  // filled by the profiles translation work
};

/** The journey area's words (English, the default). */
export const journey = {
  // filled by the journey translation work
};

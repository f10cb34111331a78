/** The insights area's words (English, the default). */
export const insights = {
  // filled by the insights translation work
};

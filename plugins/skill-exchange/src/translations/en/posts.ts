/** The posts area's words (English, the default). */
export const posts = {
  // filled by the posts translation work
};

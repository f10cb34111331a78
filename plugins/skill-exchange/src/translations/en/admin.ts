/** The admin area's words (English, the default). */
export const admin = {
  // filled by the admin translation work
};

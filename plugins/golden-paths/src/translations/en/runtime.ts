/** The runtime area's words (English, the default). */
export const runtime = {
  // filled by the runtime translation work
};

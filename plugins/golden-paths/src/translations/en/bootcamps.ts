/** The bootcamps area's words (English, the default). */
export const bootcamps = {
  // filled by the bootcamps translation work
};

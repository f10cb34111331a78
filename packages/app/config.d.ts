export interface Config {
  auth?: {
    providers?: {
      /** Development-only sign-in as one of a list of demo users. */
      demo?: {
        /**
         * User entity refs offered on the sign-in page.
         * @visibility frontend
         */
        users?: string[];
      };
    };
  };
}

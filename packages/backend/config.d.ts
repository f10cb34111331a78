export interface Config {
  onramp?: {
    permission?: {
      /**
       * User and group entity refs that may do anything in the portal
       * (e.g. `group:default/platform`).
       */
      admins?: string[];
    };
  };
}

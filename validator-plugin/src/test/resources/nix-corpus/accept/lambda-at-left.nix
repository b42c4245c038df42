args@{ a, ... }: args // { inherit a; }

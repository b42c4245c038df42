rec { inherit a; a = 1; }

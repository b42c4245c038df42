{ inherit (nowhere) a; }

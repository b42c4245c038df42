{ python }: python.pkgs.black

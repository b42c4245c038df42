[ true false null builtins import map toString throw abort baseNameOf derivation dirOf isNull removeAttrs fetchTarball fetchGit placeholder scopedImport __fetchurl __currentSystem __curPos ]

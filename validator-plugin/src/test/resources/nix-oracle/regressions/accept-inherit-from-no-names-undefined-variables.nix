# Nix never binds the source of an inherit without names: its variables are not checked.
{ inherit (undefinedVar); b = { inherit ({ a = x; }); }; }

{ inherit (undefinedVar); b = { inherit ({ a = x; }); }; }

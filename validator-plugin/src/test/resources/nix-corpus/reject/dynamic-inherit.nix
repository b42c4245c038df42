x: { inherit ${x}; }

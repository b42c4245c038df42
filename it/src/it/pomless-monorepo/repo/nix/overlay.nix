# A shared overlay that does not parse: the closing brace of the attribute set is missing.
final: prev: {
  myTool = prev.hello.overrideAttrs (old: {
    pname = "my-tool";
  });

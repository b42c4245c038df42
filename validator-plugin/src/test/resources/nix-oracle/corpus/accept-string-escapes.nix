"a\nb\tc\\d\"e\${notInterp} $${alsoNot} $x \q done $"

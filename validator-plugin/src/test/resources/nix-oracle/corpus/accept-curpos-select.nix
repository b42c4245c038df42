__curPos.line

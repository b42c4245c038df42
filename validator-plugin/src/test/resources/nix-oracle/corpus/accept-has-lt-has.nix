let a = {}; c = {}; in a ? b < c ? d

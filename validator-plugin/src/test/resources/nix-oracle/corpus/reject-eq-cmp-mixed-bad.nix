true == 1 < 2 == true

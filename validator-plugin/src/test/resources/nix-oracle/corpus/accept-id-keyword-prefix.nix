let inherit-x = 1; if-x = 2; in-x = 3; or-x = 4; letx = 5; rec' = 6; in [ inherit-x if-x in-x or-x letx ]

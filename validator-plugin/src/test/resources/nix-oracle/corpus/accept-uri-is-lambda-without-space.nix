x:y

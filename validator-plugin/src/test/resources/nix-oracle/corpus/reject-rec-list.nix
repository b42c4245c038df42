rec [ ]

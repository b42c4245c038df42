[ or ]

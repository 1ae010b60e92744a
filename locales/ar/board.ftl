# board: ar

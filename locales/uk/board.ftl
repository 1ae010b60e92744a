# board: uk

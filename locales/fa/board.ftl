# board: fa

# board: fr

# board: es

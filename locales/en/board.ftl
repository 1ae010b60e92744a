# board: en

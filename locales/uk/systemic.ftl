# systemic: uk

# systemic: fr

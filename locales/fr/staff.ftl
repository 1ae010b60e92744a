# staff: fr

# staff: uk

# staff: fa

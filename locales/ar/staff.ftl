# staff: ar

# staff: es

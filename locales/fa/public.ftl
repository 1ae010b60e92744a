# public: fa

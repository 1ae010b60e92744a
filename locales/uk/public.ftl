# public: uk

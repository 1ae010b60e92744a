# public: ar

# public: es

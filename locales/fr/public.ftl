# public: fr

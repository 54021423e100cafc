text-too-long = That message is too long for me to read. Please send a shorter one — any question I asked is still open.

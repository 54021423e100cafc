text-too-long = Ese mensaje es demasiado largo para que lo lea. Envía uno más corto, por favor: la pregunta que te hice sigue abierta.

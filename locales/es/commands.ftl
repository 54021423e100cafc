command-start = Configurar, o ver en qué punto estás
command-checkin = Registro de sueño de la mañana
command-tips = Consejos de sueño para tu etapa
command-progress = Tus noches hasta ahora
command-settings = Horarios, zona horaria, idioma
command-help = Apoyo y recursos de crisis, ya
command-privacy = Qué guardo y cómo borrarlo
command-cancel = Dejar lo que estamos haciendo

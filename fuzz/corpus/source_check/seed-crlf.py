while True:
    move()
	break

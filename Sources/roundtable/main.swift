print("roundtable")

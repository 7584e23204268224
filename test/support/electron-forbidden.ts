throw new Error('electron was imported from code under test: logic must live outside the Electron shell.');
